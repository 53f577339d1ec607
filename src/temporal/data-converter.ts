import { DataConverter, PayloadCodec } from '@temporalio/common';

/**
 * The data converter of every Temporal client and worker of the product: the default payload
 * converter, failures with their messages encoded, and the payload codec (encryption).
 */
export function createDataConverter(codec: PayloadCodec): DataConverter {
  return {
    payloadCodecs: [codec],
    failureConverterPath: require.resolve('./failure-converter'),
  };
}
