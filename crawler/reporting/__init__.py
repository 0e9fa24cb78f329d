"""Reports: build a report's data once (`data.py`, plain dicts from SQL), render it through
the jinja2 templates in `reports/` to HTML (`html.py`), then PDF (`pdf.py`, WeasyPrint from
the same HTML), XLSX (`xlsx.py`) and CSV (`csvout.py`) from the same data.

    portalwatch report --quarter 2019Q4 --db var/site.db --format html,pdf,xlsx,csv --out out/

Kinds: the quarterly inspection report (季度检查报告), the monthly and weekly bulletins
(月通报、周调度: which unit must fix what by when) and the annual statistics (年度报表
信息发布 counts). Office-editable wording, groups, points and due dates live in
`reports/groups.yml`; layout in `reports/*.j2`.
"""
