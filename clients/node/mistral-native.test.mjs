// The official Mistral SDK's own endpoints through the gateway's native Mistral routes (mistral/v1/...), in front of
// the fake Mistral.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Mistral } from '@mistralai/mistralai';
import { expected } from './expected.mjs';

const client = new Mistral({ apiKey: 'client-side-key', serverURL: process.env.GATEWAY_URL });

test('mistral: OCR of two pages of a document', async () => {
  const answer = await client.ocr.process({
    model: 'mistral-ocr-latest',
    document: { type: 'document_url', documentUrl: 'https://example.com/report.pdf' },
    pages: [0, 1],
  });
  assert.equal(answer.pages.length, 2);
  assert.equal(answer.usageInfo.pagesProcessed, 2);
});

test('mistral: moderations', async () => {
  const answer = await client.classifiers.moderate({ model: 'mistral-moderation-latest', inputs: ['first', 'second'] });
  assert.equal(answer.results.length, 2);
  assert.equal(answer.results[0].categories.pii, false);
});

test('mistral: a conversation, whole then streamed', async () => {
  const whole = await client.beta.conversations.start({ inputs: 'Bonjour?', model: 'mistral-medium-latest' });
  assert.equal(whole.outputs[0].content, expected.conversationAnswer);
  assert.ok(whole.usage.totalTokens > 0);

  const stream = await client.beta.conversations.startStream({ inputs: 'Bonjour?', model: 'mistral-medium-latest' });
  let text = '';
  let usage = null;
  for await (const event of stream) {
    if (event.data.type === 'message.output.delta') text += event.data.content;
    if (event.data.type === 'conversation.response.done') usage = event.data.usage;
  }
  assert.equal(text, expected.conversationAnswer);
  assert.equal(usage.totalTokens, whole.usage.totalTokens);
});
