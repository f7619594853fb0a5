"""A stand-in for a new app: it contributes to the shared pages through its hooks module only."""
