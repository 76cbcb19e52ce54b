"""Entry point for `python -m embedded`."""

from embedded.cli import main

raise SystemExit(main())
