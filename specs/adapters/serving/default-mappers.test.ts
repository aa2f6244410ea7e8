import {
  batchRequestMapper,
  batchResponseExtractor,
  defaultBatchRequest,
  defaultBatchResponse,
  defaultRequest,
  defaultResponse,
  requestMapper,
  responseExtractor,
} from '../../../harness/adapters/serving';

describe('default mappers', () => {
  it('send the row as the body and read body.features', () => {
    expect(defaultRequest({ a: 1 })).toEqual({ a: 1 });
    expect(defaultResponse({ features: { f: 1 } })).toEqual({ f: 1 });
  });

  it('say what the response held instead of features', () => {
    expect(() => defaultResponse({ a: 1, b: 2 })).toThrow('response has no "features" object (got keys: a, b)');
    expect(() => defaultResponse({})).toThrow('response has no "features" object (got keys: none)');
    expect(() => defaultResponse({ features: [1] })).toThrow('response "features" is not an object (got an array)');
    expect(() => defaultResponse({ features: null })).toThrow('response "features" is not an object (got null)');
    expect(() => defaultResponse('ok')).toThrow('response is not a JSON object (got string "ok")');
    expect(() => defaultResponse([])).toThrow('response is not a JSON object (got an array)');
  });

  it('wrap batches as { rows } and read a features array of the same length', () => {
    expect(defaultBatchRequest([{ a: 1 }, { a: 2 }])).toEqual({ rows: [{ a: 1 }, { a: 2 }] });
    expect(defaultBatchResponse({ features: [{ f: 1 }, { f: 2 }] }, [{}, {}])).toEqual([{ f: 1 }, { f: 2 }]);
  });

  it('reject batch responses of the wrong shape or length', () => {
    expect(() => defaultBatchResponse({ features: [{ f: 1 }] }, [{}, {}])).toThrow(
      'response "features" has 1 entries for a batch of 2 rows',
    );
    expect(() => defaultBatchResponse({ results: [] }, [{}])).toThrow('response has no "features" array (got keys: results)');
    expect(() => defaultBatchResponse({ features: [{ f: 1 }, 3] }, [{}, {}])).toThrow(
      'response "features"[1] is not an object (got number 3)',
    );
  });

  it('follow the config: chosen columns, a wrapper, a dotted response path, the whole body', () => {
    expect(requestMapper({ columns: ['a', 'missing'], wrap: 'inputs' })({ a: 1, b: 2 })).toEqual({ inputs: { a: 1 } });
    expect(batchRequestMapper('instances')([{ a: 1 }])).toEqual({ instances: [{ a: 1 }] });
    expect(responseExtractor('data.features')({ data: { features: { f: 1 } } })).toEqual({ f: 1 });
    expect(() => responseExtractor('data.features')({ data: { other: 1 } })).toThrow('response has no "data.features" object (got keys: other)');
    expect(() => responseExtractor('data.features')({ data: 3 })).toThrow('response "data" is not a JSON object (got number 3)');
    expect(responseExtractor('')({ f: 2 })).toEqual({ f: 2 });
    expect(batchResponseExtractor('out')({ out: [{ f: 1 }] }, [{}])).toEqual([{ f: 1 }]);
  });
});
