/**
 * Every cloud test talks to the stand-in over HTTP through the real wx-server-sdk (about a
 * millisecond of CPU per request, more on a loaded machine): the concurrency tests make thousands
 * of requests, so the 5 s default is too tight for them on a shared CI runner.
 */
jest.setTimeout(30_000);
