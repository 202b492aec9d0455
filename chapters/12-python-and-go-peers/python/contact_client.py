"""Calls Contact the way the original tutorial's contact_client.py does: no
metadata, so the server knows it as its default client; statuses on
sendStatus; getTask, with one Result per task received fed straight into
tellResult, and no task ids, since the original messages have none. The
original runs sendStatus in a second thread and loops forever; this client
makes the calls one after another, and stops after --tasks tasks, so that
every run prints the same. One JSON line per call (getTask's after
tellResult's has ended, because the first feeds the second).

    /usr/bin/python3 chapters/12-python-and-go-peers/python/contact_client.py --addr localhost:50051
"""
import grpc

from common import DEADLINE_SECONDS, as_dict, run_client

import contact_service_pb2
import contact_service_pb2_grpc

TASKS = 3


def statuses(*messages):
    for message in messages:
        yield contact_service_pb2.ClientMsg(msg=message)


def make_calls(channel, log):
    contact = contact_service_pb2_grpc.ContactStub(channel)
    log.record_stream("/Contact/sendStatus", lambda: contact.sendStatus(statuses("数据:1", "数据:2"), timeout=DEADLINE_SECONDS))

    tasks = contact.getTask(contact_service_pb2.Empty(), timeout=DEADLINE_SECONDS)
    got = {"method": "/Contact/getTask", "reply": []}

    def results():
        # As in the original: for each task, a Result saying it arrived.
        nonlocal got
        try:
            for task in tasks:
                got["reply"].append(as_dict(task))
                yield contact_service_pb2.Result(ret=f"客户端接收到任务:{task.task}")
                if len(got["reply"]) == TASKS:
                    return
        except grpc.RpcError as error:
            got = log.refusal("/Contact/getTask", error)

    told = log.outcome("/Contact/tellResult", lambda: as_dict(contact.tellResult(results(), timeout=DEADLINE_SECONDS)))
    # The server never ends a getTask stream by itself: the client, having what it came for, hangs up.
    tasks.cancel()
    log.emit(got)
    log.emit(told)

    log.record_stream("/Contact/sendStatus", lambda: contact.sendStatus(statuses("数据:3"), timeout=DEADLINE_SECONDS))


if __name__ == "__main__":
    run_client("Calls Contact as the original tutorial's client does.", make_calls)
