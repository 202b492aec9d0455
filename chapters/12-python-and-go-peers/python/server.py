"""The workbook's Python server: every Python servicer on one port, as chapter
03's TypeScript server hosts three services on one.

    /usr/bin/python3 chapters/12-python-and-go-peers/python/server.py --port 50051

--port 0 lets the system pick a free port. The line "listening on
127.0.0.1:PORT" says which; the workbook's tests read it from there.
Ctrl-C (or SIGTERM) lets in-flight calls finish, then stops.
"""
import signal

# Ctrl-C and SIGTERM are blocked first, before any import, and taken by sigwait
# in main(), so that no thread can ever run a handler for them. Every thread
# inherits the mask of the thread that starts it, and threads start earlier
# than main(): `import gcn` imports numpy, whose OpenBLAS (where installed)
# starts its worker threads as it loads. With the mask set only in main(), a
# Ctrl-C went to such a thread, Python's handler ran, and the main thread
# raised KeyboardInterrupt wherever it was (at the "listening" print, or never,
# inside sigwait). A handler that set a threading.Event instead could hang for
# good: the signal may land while the main thread holds the Event's own lock.
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)

import argparse  # noqa: E402  (after the mask, as every import below)
import sys  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402

import common  # noqa: F401,E402  (puts generated/python on the import path)
import grpc  # noqa: E402

import gcn  # noqa: E402
import greeter  # noqa: E402
import outliers  # noqa: E402
import users  # noqa: E402

# Each module registers its servicer with add_to_server(server).
SERVICES = {"helloworld.Greeter": greeter, "MyService": users, "pb.Outliers": outliers, "GCNService": gcn}

# A million metrics are about 24 MB on the wire; gRPC's default limit is 4 MB.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024

GRACE_SECONDS = 5



def main():
    parser = argparse.ArgumentParser(description="Serves " + ", ".join(SERVICES) + " on 127.0.0.1 until Ctrl-C.")
    parser.add_argument("--port", type=int, default=50051, help="0 picks a free port (default 50051)")
    port = parser.parse_args().port

    server = grpc.server(
        ThreadPoolExecutor(max_workers=8),
        options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            # gRPC Python sets SO_REUSEPORT by default: a second server on a
            # taken port would start "successfully" and share its calls.
            ("grpc.so_reuseport", 0),
        ],
    )
    for service in SERVICES.values():
        service.add_to_server(server)
    try:
        # Loopback only, like every server in the workbook.
        bound = server.add_insecure_port(f"127.0.0.1:{port}")
    except RuntimeError as error:
        sys.exit(f"could not listen on 127.0.0.1:{port}: {error} (is another server using the port? try --port 0)")
    server.start()
    print(f"Python server ({', '.join(SERVICES)}) listening on 127.0.0.1:{bound} (Ctrl-C to stop)", flush=True)
    signal.sigwait(STOP_SIGNALS)
    print("finishing in-flight calls, then stopping", flush=True)
    server.stop(GRACE_SECONDS).wait()
    print("stopped", flush=True)


if __name__ == "__main__":
    main()
