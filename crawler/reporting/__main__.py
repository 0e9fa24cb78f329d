"""`python -m crawler.reporting --quarter 2019Q4 --db DB`: the `report` command on its own."""
from .cli import report

report(prog_name="portalwatch report")
