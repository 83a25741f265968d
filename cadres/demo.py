"""The demo login: the published password of `load_demo`, which a deployment must never keep.

`load_demo` runs only under the development settings (DEPLOYMENT_MODE); the deployment check
(`check --deploy`, cadres/checks.py) fails while any active account still has this password.
"""

import os

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "xialu-demo-2021"


def demo_passwords():
    """Return the passwords `load_demo` gives: the published one, and DEMO_PASSWORD from the environment."""
    return {DEMO_PASSWORD, os.environ.get("DEMO_PASSWORD") or DEMO_PASSWORD}
