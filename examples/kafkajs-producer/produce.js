// An agency system's producer in Node.js (kafkajs), as a partner would write it: it reads a structured-mode
// CloudEvent file and publishes it in binary content mode (ce_* headers, the data as value), keyed by the subject,
// authenticated with SASL/SCRAM-SHA-512.
//
//   KAFKA_BROKERS=localhost:9092 KAFKA_USERNAME=agency-forestry KAFKA_PASSWORD=... \
//     node produce.js agency.forestry.clues clue.json
//
// KAFKA_SSL=true where the broker's listener is SASL_SSL (compose, production); KAFKA_CA_FILE names the CA to trust.
'use strict';
const fs = require('fs');
const { Kafka, logLevel } = require('kafkajs');

async function main([topic, file]) {
  if (!topic || !file) {
    throw new Error('usage: node produce.js TOPIC CLOUDEVENT.json');
  }
  const event = JSON.parse(fs.readFileSync(file, 'utf8'));
  const headers = { 'content-type': event.datacontenttype || 'application/json' };
  for (const [name, value] of Object.entries(event)) {
    if (name !== 'data' && name !== 'datacontenttype' && value !== null && value !== undefined) {
      headers[`ce_${name}`] = String(value);
    }
  }
  const ssl = process.env.KAFKA_SSL === 'true'
    ? (process.env.KAFKA_CA_FILE ? { ca: [fs.readFileSync(process.env.KAFKA_CA_FILE, 'utf8')] } : true)
    : false;
  const kafka = new Kafka({
    clientId: process.env.KAFKA_CLIENT_ID || 'agency-system',
    brokers: (process.env.KAFKA_BROKERS || 'localhost:9092').split(','),
    ssl,
    sasl: {
      mechanism: 'scram-sha-512',
      username: process.env.KAFKA_USERNAME,
      password: process.env.KAFKA_PASSWORD,
    },
    connectionTimeout: 5000,
    retry: { retries: 2 },
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const [sent] = await producer.send({
      topic,
      messages: [{ key: event.subject || event.id, value: JSON.stringify(event.data), headers }],
    });
    console.log(`published ${event.id} to ${sent.topicName}-${sent.partition}@${sent.baseOffset}`);
  } finally {
    await producer.disconnect();
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(`refused: ${e.type || e.name}: ${e.message}`);
  process.exit(1);
});
