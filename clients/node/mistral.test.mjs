// The official Mistral SDK against the gateway, which stands in front of the fake Mistral.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Mistral } from '@mistralai/mistralai';
import { expected, weatherTool } from './expected.mjs';

const client = new Mistral({ apiKey: 'client-side-key', serverURL: process.env.GATEWAY_URL });

test('mistral: plain chat', async () => {
  const answer = await client.chat.complete({
    model: 'mistral-small-latest', messages: [{ role: 'user', content: 'Hello?' }], safePrompt: true, randomSeed: 3,
  });
  assert.equal(answer.choices[0].message.content, expected.answer);
  assert.equal(answer.usage.totalTokens, expected.usage.total_tokens);
});

test('mistral: stream', async () => {
  const stream = await client.chat.stream({ model: 'mistral-small-latest', messages: [{ role: 'user', content: 'Hello?' }] });
  let text = '';
  let usage = null;
  for await (const event of stream) {
    text += event.data.choices[0]?.delta?.content ?? '';
    if (event.data.usage) usage = event.data.usage;
  }
  assert.equal(text, expected.answer);
  assert.equal(usage.totalTokens, expected.usage.total_tokens);
});

test('mistral: tool call round trip', async () => {
  const messages = [{ role: 'user', content: 'Weather in Paris?' }];
  const first = await client.chat.complete({ model: 'mistral-small-latest', messages, tools: [weatherTool], toolChoice: 'any' });
  const message = first.choices[0].message;
  const call = message.toolCalls[0];
  assert.equal(call.function.name, 'get_weather');
  messages.push({ role: 'assistant', content: message.content, toolCalls: message.toolCalls });
  messages.push({ role: 'tool', toolCallId: call.id, name: call.function.name, content: 'sunny' });
  const second = await client.chat.complete({ model: 'mistral-small-latest', messages, tools: [weatherTool] });
  assert.equal(second.choices[0].message.content, 'Tool result: sunny');
});

test('mistral: embeddings', async () => {
  const answer = await client.embeddings.create({ model: 'mistral-embed', inputs: expected.embeddingInputs });
  answer.data.forEach((item, i) => assert.deepEqual(item.embedding, expected.vectors[i]));
});
