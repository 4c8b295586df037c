"""Every test loads its tree afresh: the warm-start cache is off unless a test turns it on
(with a folder of its own), so that no test reads or writes the user's cache."""

import os

os.environ["PENINSULA_CACHE"] = "off"
