"""Checks: rule packs (rules/*.yml) evaluated against a finished crawl, as durable findings
and a verdict per inspection indicator. One module per finding kind; see README.md."""
from .engine import CheckError, CheckResult, evaluate, run_check
from .listing import latest_verdicts, list_findings
from .rulepack import RulePack, RulePackError, load_rules
from .schema import ensure_schema

__all__ = ["CheckError", "CheckResult", "RulePack", "RulePackError", "ensure_schema", "evaluate",
           "latest_verdicts", "list_findings", "load_rules", "run_check"]
