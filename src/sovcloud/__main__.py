"""`python -m sovcloud` runs the command-line interface."""

from sovcloud.cli import main

main()
