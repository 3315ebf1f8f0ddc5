"""``python -m zonewatch`` runs the command line."""

import sys

from zonewatch.cli.main import main

sys.exit(main())
