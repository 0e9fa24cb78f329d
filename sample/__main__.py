from .cli import sample

sample(prog_name="python -m sample")
