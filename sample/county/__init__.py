"""A held-out county portal (县人民政府门户网站) with ground truth, designed apart from portalwatch's
heuristics: an old GBK table-layout CMS, a 博达 VSB 政务公开 platform and an ASP letters system."""
from .generate import generate_county

__all__ = ["generate_county"]
