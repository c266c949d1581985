"""Spiders: one news spider, driven by an outlet entry (see news.py)."""
