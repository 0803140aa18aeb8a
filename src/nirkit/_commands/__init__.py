"""One module per ``nirkit`` sub-command, each with ``register(commands)``."""
