import { Readable } from 'node:stream';
import { Axios, AxiosError, AxiosHeaders, CanceledError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { basicAuthorization, parseRequestTarget } from './request-target';
import { parseResponseHeaders } from './response-headers';
import { ResponseTooLargeError, type Transport } from './undici-transport';

/**
 * An axios `adapter` that sends over an undici {@link Transport} instead of Node's `http.request`: axios keeps
 * everything users configure and extend (interceptors, defaults, `auth`, `params`, `validateStatus`,
 * `transformResponse`), the transport does the bytes.
 *
 * What it honours, as axios's own Node adapter does: `baseURL` + `url` + `params`, `headers`, `auth` and
 * `user:pass@` in the URL (as Basic auth), `data` (string, Buffer, typed array, ArrayBuffer, URLSearchParams),
 * `signal`, `timeout` (here the whole request, `ECONNABORTED` "timeout of N ms exceeded"), `maxContentLength`
 * (counted while reading), `responseType` (`arraybuffer` gives a Buffer, `stream` a Readable of the body read
 * whole, anything else text) and `validateStatus`. Redirects are never followed (as with `maxRedirects: 0`), and
 * bodies are never decompressed (as with `decompress: false`). Not supported: `cancelToken` (use `signal`),
 * progress events, upload rate limits, HTTP/2.
 *
 * @example
 * const instance = new Axios({ adapter: createUndiciAdapter(transport), validateStatus: null });
 */
export function createUndiciAdapter(transport: Transport): AxiosAdapter {
  const resolver = new Axios({});
  return async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    let request;
    try {
      const url = config.baseURL !== undefined || config.params !== undefined ? resolver.getUri(config) : (config.url ?? '');
      const target = parseRequestTarget(url);
      const headers = headerRecord(config.headers);
      const authorization = config.auth ? basicAuthorization(config.auth.username ?? '', config.auth.password ?? '') : target.authorization;
      if (authorization) headers['authorization'] = authorization;
      request = { origin: target.origin, path: target.path, method: (config.method ?? 'get').toUpperCase(), headers, body: requestBody(config.data), maxResponseBytes: config.maxContentLength ?? -1 };
    } catch (error) {
      throw AxiosError.from(error, AxiosError.ERR_BAD_REQUEST, config);
    }

    const signal = config.signal as AbortSignal | undefined;
    const timeoutMs = config.timeout ?? 0;
    // Only when asked for: a controller and a timer per request are measurable on the hot path.
    const controller = timeoutMs > 0 ? new AbortController() : null;
    const onAbort = (): void => controller?.abort();
    let timedOut = false;
    const timer = controller ? setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs) : undefined;
    if (controller) {
      if (signal?.aborted) controller.abort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    }
    try {
      const response = await transport.send({ ...request, signal: controller?.signal ?? signal });
      const axiosResponse: AxiosResponse = {
        data: responseData(response.body, config),
        status: response.status,
        statusText: response.statusText,
        headers: new AxiosHeaders(parseResponseHeaders(response.rawHeaders) as Record<string, string>),
        config,
        request: null,
      };
      const validateStatus = config.validateStatus;
      if (!validateStatus || validateStatus(response.status)) return axiosResponse;
      const code = response.status >= 400 && response.status < 500 ? AxiosError.ERR_BAD_REQUEST : AxiosError.ERR_BAD_RESPONSE;
      throw new AxiosError(`Request failed with status code ${response.status}`, code, config, null, axiosResponse);
    } catch (error) {
      if (error instanceof AxiosError) throw error;
      if (timedOut) throw new AxiosError(config.timeoutErrorMessage ?? `timeout of ${timeoutMs}ms exceeded`, AxiosError.ECONNABORTED, config);
      if (signal?.aborted) throw new CanceledError(undefined, config);
      if (error instanceof ResponseTooLargeError) throw new AxiosError(error.message, AxiosError.ERR_BAD_RESPONSE, config);
      const code = (error as { code?: unknown } | null)?.code;
      throw AxiosError.from(error, typeof code === 'string' ? code : undefined, config);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
}

/** Header names lower-cased (a later spelling of the same name wins, as in AxiosHeaders); arrays joined. */
function headerRecord(headers: InternalAxiosRequestConfig['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers.toJSON() as Record<string, unknown>)) {
    if (value === undefined || value === null || value === false) continue;
    record[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return record;
}

function requestBody(data: unknown): string | Uint8Array | null {
  if (data === undefined || data === null) return null;
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof URLSearchParams) return data.toString();
  throw new TypeError('Data after transformation must be a string, an ArrayBuffer, a Buffer, or a typed array');
}

function responseData(body: Buffer, config: InternalAxiosRequestConfig): unknown {
  switch (config.responseType) {
    case 'arraybuffer':
      return body;
    case 'stream':
      return Readable.from([body]);
    default:
      return body.toString((config.responseEncoding as BufferEncoding | undefined) ?? 'utf8');
  }
}
