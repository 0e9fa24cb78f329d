"""python -m sample.jcms OUT [--seed 1] [--as-of 2019-12-31]"""
import argparse
from datetime import date

from .generate import generate_jcms

parser = argparse.ArgumentParser(prog="python -m sample.jcms", description="Write the city portal and its ground truth.")
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--as-of", type=date.fromisoformat, default=date(2019, 12, 31))
args = parser.parse_args()
print(generate_jcms(args.out, seed=args.seed, as_of=args.as_of))
