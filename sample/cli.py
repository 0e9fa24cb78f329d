"""``sample`` command group: generate and serve the sample portal."""
from __future__ import annotations

import json
import time
from datetime import date, datetime

import click


def _parse_date(ctx, param, value):
    if value is None or isinstance(value, date):
        return value
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter("expected YYYY-MM-DD") from None


@click.group(name="sample", help="The sample district portal: generate it, serve it.")
def sample():
    pass


@sample.command("generate")
@click.argument("out", type=click.Path(file_okay=False, writable=True))
@click.option("--seed", default=1, show_default=True, type=int, help="Random seed (also picks the district).")
@click.option("--as-of", "as_of", default="2019-12-31", show_default=True, callback=_parse_date,
              help="The check date the site's dates are relative to (YYYY-MM-DD).")
@click.option("--scale", default=1.0, show_default=True, type=click.FloatRange(min=0.05),
              help="Item volume multiplier (1: ~3,300 items; 10: ~33,000).")
def generate_cmd(out, seed, as_of, scale):
    """Write the site into OUT/site and its ground truth into OUT/ground_truth.json."""
    from .generate import generate_site
    if float(scale).is_integer():
        scale = int(scale)
    t0 = time.perf_counter()
    gt_path = generate_site(out, seed=seed, as_of=as_of, scale=scale)
    dt = time.perf_counter() - t0
    gt = json.loads(gt_path.read_text(encoding="utf-8"))
    c = gt["counts"]
    kinds = {}
    for p in gt["problems"]:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    click.echo(f"site: {gt['site']['name']} ({gt['site']['site_id_code']}), as of {gt['as_of']}, seed {seed}, scale {scale}")
    click.echo(f"columns by level: {c['columns_by_level']} ({sum(c['columns_by_level'])})")
    click.echo(f"items: {c['items']}  pages: {c['pages']}  ({dt:.1f} s)")
    click.echo("problems: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
    click.echo(f"ground truth: {gt_path}")


@sample.command("serve")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=int)
def serve_cmd(directory, host, port):
    """Serve DIRECTORY (a generated OUT or its site/) over HTTP until Ctrl-C."""
    from .server import serve_forever

    def ready(url):
        click.echo(f"serving {directory} at {url}/  (Ctrl-C to stop)")
    serve_forever(directory, host, port, ready=ready)


main = sample

if __name__ == "__main__":  # pragma: no cover
    sample()
