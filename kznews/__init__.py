"""kznews: a crawler and archive for Kazakh news sites."""

__version__ = "0.1.0"
