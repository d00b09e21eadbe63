import { describe, expect, it } from "vitest";
import { GRAPHQL_PATH, requestBody, sameOriginFetcher } from "./fetcher";
import { memoryStorage } from "./memory-storage";

describe("the explorer's fetcher", () => {
  it("posts JSON to the portal's own /graphql with the session cookie", async () => {
    const calls: { input: string; init: RequestInit }[] = [];
    const fetcher = sameOriginFetcher(async (input, init) => {
      calls.push({ input, init });
      return new Response(JSON.stringify({ data: { analytics: { scope: "VISIBLE_CASES" } } }), {
        headers: { "content-type": "application/json" },
      });
    });
    const result = await fetcher({ query: "{ analytics { scope } }", operationName: null });
    expect(result).toEqual({ data: { analytics: { scope: "VISIBLE_CASES" } } });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.input).toBe(GRAPHQL_PATH);
    expect(GRAPHQL_PATH.startsWith("/") && !GRAPHQL_PATH.startsWith("//")).toBe(true);
    expect(call?.init.method).toBe("POST");
    expect(call?.init.credentials).toBe("same-origin");
    expect(call?.init.headers).toEqual({ "content-type": "application/json", accept: "application/json" });
    expect(JSON.parse(String(call?.init.body))).toEqual({
      query: "{ analytics { scope } }",
      operationName: null,
      variables: {},
    });
  });

  it("sends only the operation, its name and its variables", () => {
    expect(
      JSON.parse(
        requestBody({
          query: "query Q($on: Date!) { analytics { scope } }",
          operationName: "Q",
          variables: { on: "2020-05-31" },
        }),
      ),
    ).toEqual({
      query: "query Q($on: Date!) { analytics { scope } }",
      operationName: "Q",
      variables: { on: "2020-05-31" },
    });
  });

  it("turns an answer that is not JSON into an error the editor shows", async () => {
    const fetcher = sameOriginFetcher(
      async () => new Response("Bad gateway", { status: 502, headers: { "content-type": "text/plain" } }),
    );
    const result = await fetcher({ query: "{ analytics { scope } }" });
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((error) => error.message)).toEqual(["The API did not answer (HTTP 502)."]);
  });
});

describe("the explorer's storage", () => {
  it("keeps items in memory only, like localStorage's interface", () => {
    const storage = memoryStorage();
    expect(storage.getItem("graphiql:query")).toBeNull();
    storage.setItem("graphiql:query", "{ analytics { scope } }");
    expect(storage.getItem("graphiql:query")).toBe("{ analytics { scope } }");
    expect(storage.length).toBe(1);
    storage.removeItem("graphiql:query");
    expect(storage.length).toBe(0);
    storage.setItem("a", "1");
    storage.clear();
    expect(storage.length).toBe(0);
    expect(memoryStorage().length).toBe(0);
  });
});
