"""The sample district portal: a generated static site with ground truth, and a server for it.

    from sample.generate import generate_site
    from sample.server import serve

    gt_path = generate_site(tmp, seed=1)          # tmp/site/..., tmp/ground_truth.json
    with serve(tmp / "site") as base_url:          # http://127.0.0.1:PORT
        ...
"""
