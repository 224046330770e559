"""`python -m ocop_desktop` is the same as the `ocop-desktop` command."""

from ocop_desktop.main import main

raise SystemExit(main())
