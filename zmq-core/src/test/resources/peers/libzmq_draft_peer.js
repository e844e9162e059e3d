// One draft socket of libzmq 4.3.5 (npm's zeromq 6.8.0, built with the draft API) playing a scripted part.
// Usage: node -e "$(cat libzmq_draft_peer.js)" PART bind|connect ENDPOINT
// Prints "bound ENDPOINT" or "connected", then what the part received; a part that receives last exits 0 when done,
// one that sends last stays (so libzmq flushes) until the test stops it.
const zmq = require("zeromq/draft");
const [part, how, endpoint] = process.argv.slice(1);
const options = {receiveTimeout: 20000, linger: 2000};
const sendOnly = {linger: 2000};
const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

async function open(socket) {
  if (how === "bind") {
    await socket.bind(endpoint);
    console.log("bound " + socket.lastEndpoint);
  } else {
    socket.connect(endpoint);
    console.log("connected");
  }
  return socket;
}

const parts = {
  // answers one request with "<request> back", to the routing id it came from
  async server() {
    const server = await open(new zmq.Server(options));
    const [request, {routingId}] = await server.receive();
    console.log("request " + request);
    await server.send(request + " back", {routingId});
    await pause(30000);
  },
  // asks "question" and prints the answer
  async client() {
    const client = await open(new zmq.Client(options));
    await client.send("question");
    const [answer] = await client.receive();
    console.log("answer " + answer);
  },
  // joins "news" and prints the first message as group|body
  async dish() {
    const dish = new zmq.Dish(options);
    dish.join("news");
    await open(dish);
    const [body, {group}] = await dish.receive();
    console.log("message " + group + "|" + body);
  },
  // sends to "sports" and "news" every 50 ms until stopped
  async radio() {
    const radio = await open(new zmq.Radio(sendOnly));
    for (let i = 0; i < 400; i++) {
      await radio.send("score", {group: "sports"});
      await radio.send("headline", {group: "news"});
      await pause(50);
    }
  },
  // prints the first message gathered
  async gather() {
    const gather = await open(new zmq.Gather(options));
    const [body] = await gather.receive();
    console.log("message " + body);
  },
  // scatters one message
  async scatter() {
    const scatter = await open(new zmq.Scatter(sendOnly));
    await scatter.send("from libzmq");
    await pause(30000);
  },
};

parts[part]().then(() => process.exit(0), e => { console.log("error " + e); process.exit(1); });
