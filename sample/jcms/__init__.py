"""A held-out county-level city portal (县级市人民政府门户网站) with ground truth, designed apart from
portalwatch's heuristics: Hanweb JCMS (大汉) as Jiangsu/Zhejiang/Shandong sites ran it around 2019 —
jpage units with embedded datastores and a dataproxy, a few static lists, the 互动 module, UTF-8."""
from .generate import generate_jcms

__all__ = ["generate_jcms"]
