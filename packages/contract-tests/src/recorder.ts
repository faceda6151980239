// A fetch for the client that keeps a copy of every exchange, so each response the client receives
// (success or error) can be checked against the spec exactly as it came off the wire.
export interface Exchange {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  headers: Record<string, string>;
  bodyText: string;
}

export function createRecorder(base: typeof fetch = globalThis.fetch) {
  const exchanges: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await base(request);
    const copy = response.clone();
    const bodyText = await copy.text();
    exchanges.push({
      method: request.method,
      url: request.url,
      status: response.status,
      contentType: response.headers.get('content-type'),
      headers: Object.fromEntries(response.headers),
      bodyText,
    });
    return response;
  };
  return { fetch: recordingFetch, exchanges };
}
