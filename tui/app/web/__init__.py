"""The dashboard in a browser: `peninsula serve`, through textual-serve."""
