"""What the analyst reads: Chinese labels for kinds, severities, levels and statuses."""
from __future__ import annotations

from crawler.decisions import DECISION_LABELS, STATUS_LABELS

KIND_LABELS = {
    "homepage_stale": "首页不更新",
    "stale_dynamic": "动态类栏目不更新",
    "stale_notice_policy": "通知公告/政策文件栏目不更新",
    "stale_longterm": "栏目长期未更新",
    "blank_column": "空白栏目",
    "missing_catalogue": "信息公开目录缺项",
    "broken_link": "错链断链",
    "typo": "错别字",
    "overdue_reply": "留言回复超期",
    "policy_interpretation_link": "政策解读未关联",
    "annual_report_arithmetic": "年报勾稽关系不符",
    "date_suspicious": "疑似伪造发稿日期",
    "footer_missing": "网站标识/备案信息缺失",
}
KIND_ORDER = list(KIND_LABELS)

SEVERITY_LABELS = {"veto": "单项否决", "deduct": "扣分", "warning": "预警"}
SEVERITY_ORDER = ["veto", "deduct", "warning"]

# A verdict row's level: ok → 合格, warning → 预警 (still 合格, near the threshold), veto → 不合格
LEVEL_LABELS = {"ok": "合格", "warning": "预警", "veto": "不合格", "unknown": "无法判定"}

STATUS_ORDER = ["open", "confirmed", "fixed", "dismissed", "resolved"]

STALE_KINDS = ("stale_dynamic", "stale_notice_policy", "stale_longterm", "blank_column")

DISMISS_REASONS = [
    "误报：页面实际正常",
    "误报：栏目分类不当（如历史专题、归档栏目）",
    "误报：日期识别有误",
    "非本站内容或外部原因",
    "规则不适用于本站",
]

__all__ = ["KIND_LABELS", "KIND_ORDER", "SEVERITY_LABELS", "SEVERITY_ORDER", "LEVEL_LABELS",
           "STATUS_LABELS", "STATUS_ORDER", "DECISION_LABELS", "STALE_KINDS", "DISMISS_REASONS"]


def kind_label(kind: str | None) -> str:
    return KIND_LABELS.get(kind or "", kind or "")
