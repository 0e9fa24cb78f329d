"""A held-out county bureau site (县教育和体育局) with ground truth, designed apart from portalwatch's
heuristics: a small PHP site, PHPCMS v9 dynamic URLs beside older DedeCMS static lists, GBK throughout."""
from .generate import generate_bureau

__all__ = ["generate_bureau"]
