"""``python -m zonewatch`` runs the command line."""

import sys

from zonewatch.cli import main

sys.exit(main())
