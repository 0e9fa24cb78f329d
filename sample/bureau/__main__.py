"""python -m sample.bureau OUT [--seed 1] [--as-of 2019-12-31]"""
from sample.heldout import main

from .generate import generate_bureau

main("bureau", generate_bureau)
