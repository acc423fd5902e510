"""The intake service (DESIGN §9): business users submit workbooks in a browser or by API, consultants
follow every submission. `create_app(settings)` builds the web app; `jobs` renders reports in workers.

Nothing here is imported by the command line's other commands (Flask and SQLAlchemy load on `serve`).
"""
