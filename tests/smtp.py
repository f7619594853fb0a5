"""A tiny mail server for the tests (Python 3.13 has no smtpd module): on 127.0.0.1, it refuses
connections until `start()`, then speaks just enough SMTP to take messages (`messages`), or,
started `silent`, accepts connections and never answers (a hung server)."""

import email
import email.policy
import socket
import threading


class TinySmtpServer:
    def __init__(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()  # nothing listens on the port: connections are refused
        self.listener = None
        self.silent = False
        self.connections: list[socket.socket] = []
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

    def mailer(self, timeout: float = 2) -> dict:
        """The MAILERS setting that sends through this server."""
        return {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                            "OPTIONS": {"host": "127.0.0.1", "port": self.port, "timeout": timeout}}}

    def start(self, *, silent: bool = False) -> None:
        self.silent = silent
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
        for connection in self.connections:
            connection.close()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)
            if not self.silent:
                threading.Thread(target=self._session, args=(connection,), daemon=True).start()

    def _session(self, connection: socket.socket) -> None:
        def reply(line: str) -> None:
            connection.sendall(line.encode() + b"\r\n")

        with connection, connection.makefile("rb") as client:
            reply("220 essai.test ESMTP")
            recipients: list[str] = []
            for raw in client:
                verb = raw.decode("ascii", "replace").strip()[:4].upper()
                if verb in {"EHLO", "HELO"}:
                    reply("250 essai.test")
                elif verb == "MAIL":
                    recipients = []
                    reply("250 OK")
                elif verb == "RCPT":
                    recipients.append(raw.decode().split(":", 1)[1].strip().strip("<>"))
                    reply("250 OK")
                elif verb == "DATA":
                    reply("354 End data with <CR><LF>.<CR><LF>")
                    lines = []
                    for line in client:
                        if line in {b".\r\n", b".\n"}:
                            break
                        lines.append(line[1:] if line.startswith(b"..") else line)
                    message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                    self.messages.append((recipients, message))
                    reply("250 OK queued")
                elif verb == "QUIT":
                    reply("221 Bye")
                    return
                elif verb in {"RSET", "NOOP"}:
                    reply("250 OK")
                else:
                    reply("502 Command not implemented")
