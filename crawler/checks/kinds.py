"""The registry of finding kinds: one module each, run in this order."""
from __future__ import annotations

from . import (annual_report_arithmetic, blank_column, broken_link, date_suspicious, footer_missing,
               homepage_stale, missing_catalogue, overdue_reply, policy_interpretation_link,
               site_unreachable, stale_dynamic, stale_longterm, stale_notice_policy, typo)

KINDS = {m.KIND: m for m in (
    site_unreachable, homepage_stale, stale_dynamic, stale_notice_policy, stale_longterm, blank_column,
    missing_catalogue, broken_link, typo, overdue_reply, policy_interpretation_link,
    annual_report_arithmetic, date_suspicious, footer_missing,
)}
