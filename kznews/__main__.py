"""`python -m kznews` runs the command line."""

from kznews.cli import main

main()
