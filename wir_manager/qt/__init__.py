"""The Qt desktop application. Only this package imports PySide6; it calls the core
(services, storage) and shows plain records, never live ORM objects."""
