"""A held-out city-district portal (区人民政府门户网站) with ground truth, designed apart from portalwatch's
heuristics: TRS WCM 8 templates on a provincial 集约化 platform, UTF-8, div/flex layout."""
from .generate import generate_city

__all__ = ["generate_city"]
