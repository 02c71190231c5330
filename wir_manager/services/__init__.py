"""Services: the application's use cases. Each opens its own session, does one job and
returns plain data (dataclasses, dicts), never live ORM objects."""
