"""The analyst's review workspace: `create_app(db_path, *, password=None, secret_key=None)`."""
from __future__ import annotations


def create_app(db_path, *, password=None, secret_key=None):
    from .app import create_app as _create
    return _create(db_path, password=password, secret_key=secret_key)


__all__ = ["create_app"]
