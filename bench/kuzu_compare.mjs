// Side by side with Kuzu: the same questions, on the same generated CSV, answered by Kuzu (the npm package
// `kuzu`, in this process) and by actorgraph's Cypher engine (bench/cypher_bench.cpp, a child process that
// loads the graph once and answers statements from standard input). Run through bench/kuzu_compare.sh.
//
//   node bench/kuzu_compare.mjs --csv FOLDER --ours BUILD/bench/actorgraph_cypher_bench --kuzu MODULE_DIR
//        [--repetitions 5] [--db DIR] [--json OUT.jsonl] [--reuse-db]
//   (--reuse-db: open the Kuzu database and converted CSV a previous run left in DIR instead of loading again;
//    the load row then says so)
//   node bench/kuzu_compare.mjs --split FOLDER OUT_DIR   (internal: Kuzu's typed tables from our CSV)
//
// For every query: one unrecorded warm-up run on each side, then `repetitions` rounds alternating
// A-B, B-A, A-B, ... (A = actorgraph, B = Kuzu), so that over the rounds each side runs first as often as
// second; medians of each side, the ratio ours / Kuzu, and whether the answers are equal (both printed
// when not). Only the query runs are timed: ours inside the child around Session::run, Kuzu around
// query() + getAll(). Load: ours is load_graph in the child (wall, peak RSS of that process); Kuzu's is
// CREATE TABLE + COPY into a fresh on-disk database (wall; peak RSS of this node process, printed with
// the RSS node had before opening the database).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import os from "node:os";

function parseArguments(argv) {
    const options = { repetitions: 5 };
    for (let i = 0; i < argv.length; ++i) {
        const name = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
            return argv[++i];
        };
        if (name === "--split") { options.split = [value(), value()]; continue; }
        if (name === "--csv") { options.csv = value(); continue; }
        if (name === "--ours") { options.ours = value(); continue; }
        if (name === "--kuzu") { options.kuzu = value(); continue; }
        if (name === "--db") { options.db = value(); continue; }
        if (name === "--json") { options.json = value(); continue; }
        if (name === "--reuse-db") { options.reuseDb = true; continue; }
        if (name === "--repetitions") { options.repetitions = Number(value()); continue; }
        throw new Error(`unknown argument ${name}`);
    }
    return options;
}

// ---------------------------------------------------------------------------------------------------
// Our Neo4j import CSV -> Kuzu's typed tables: one node table per kind (the `:LABEL` column), one
// relationship table per type with a FROM/TO pair per (kind of source, kind of target) that occurs.

function parseCsvLine(line) {
    const cells = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; ++i) {
        const c = line[i];
        if (quoted) {
            if (c === '"' && line[i + 1] === '"') { cell += '"'; ++i; }
            else if (c === '"') quoted = false;
            else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") { cells.push(cell); cell = ""; }
        else cell += c;
    }
    cells.push(cell);
    return cells;
}

function csvCell(text) {
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// The header `name:type` of our CSV -> [name, Kuzu type].
function kuzuColumn(header) {
    const colon = header.lastIndexOf(":");
    const name = colon > 0 ? header.slice(0, colon) : header;
    const type = colon > 0 ? header.slice(colon + 1).toLowerCase() : "string";
    const types = { int: "INT64", long: "INT64", integer: "INT64", float: "DOUBLE", double: "DOUBLE", boolean: "BOOLEAN" };
    return [name, types[type] ?? "STRING"];
}

// The well-known properties are typed by the schema in actorgraph whatever the header says.
const schemaTypes = { year: "INT64", since: "INT64", until: "INT64", amount_usd: "DOUBLE" };

async function* lines(file) {
    const input = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    for await (const line of input) yield line;
}

class SplitWriter {
    constructor(folder) { this.folder = folder; this.files = new Map(); }
    write(name, header, cells) {
        let file = this.files.get(name);
        if (!file) {
            file = { fd: fs.openSync(path.join(this.folder, `${name}.csv`), "w"), buffer: [] };
            this.files.set(name, file);
            fs.writeSync(file.fd, header.map(csvCell).join(",") + "\n");
        }
        file.buffer.push(cells.map(csvCell).join(","));
        if (file.buffer.length >= 4096) this.flush(file);
    }
    flush(file) {
        if (file.buffer.length) fs.writeSync(file.fd, file.buffer.join("\n") + "\n");
        file.buffer = [];
    }
    close() { for (const file of this.files.values()) { this.flush(file); fs.closeSync(file.fd); } }
}

async function split(csvFolder, out) {
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const writer = new SplitWriter(out);
    const kindOf = new Map();
    const schema = { csv_folder: path.resolve(csvFolder), nodes: {}, relationships: {}, sample_ids: [] };
    let header = null, columns = null, idAt = -1, labelAt = -1, kept = [];
    for await (const line of lines(path.join(csvFolder, "nodes.csv"))) {
        const cells = parseCsvLine(line);
        if (!header) {
            header = cells;
            idAt = header.findIndex((h) => h.endsWith(":ID"));
            labelAt = header.indexOf(":LABEL");
            // id, then every other property except list-valued ones (aliases), which the queries do not read.
            kept = header.map((h, i) => i).filter((i) => i !== labelAt && i !== idAt && !header[i].endsWith("[]"));
            columns = [["id", "STRING"], ...kept.map((i) => kuzuColumn(header[i]))];
            continue;
        }
        const kind = cells[labelAt].split(";")[0];
        kindOf.set(cells[idAt], kind);
        if (schema.sample_ids.length < 11) schema.sample_ids.push(cells[idAt]);
        schema.nodes[kind] ??= { columns, file: path.join(out, `node_${kind}.csv`) };
        writer.write(`node_${kind}`, columns.map((c) => c[0]), [cells[idAt], ...kept.map((i) => cells[i])]);
    }
    schema.actor_count = kindOf.size;
    header = null;
    let startAt = -1, endAt = -1, typeAt = -1;
    for await (const line of lines(path.join(csvFolder, "relationships.csv"))) {
        const cells = parseCsvLine(line);
        if (!header) {
            header = cells;
            startAt = header.indexOf(":START_ID"); endAt = header.indexOf(":END_ID"); typeAt = header.indexOf(":TYPE");
            kept = header.map((h, i) => i).filter((i) => i !== startAt && i !== endAt && i !== typeAt && !header[i].endsWith("[]"));
            columns = kept.map((i) => { const [name, type] = kuzuColumn(header[i]); return [name, schemaTypes[name] ?? type]; });
            continue;
        }
        const type = cells[typeAt];
        const from = kindOf.get(cells[startAt]), to = kindOf.get(cells[endAt]);
        const table = (schema.relationships[type] ??= { columns, pairs: {} });
        const name = `rel_${type}_${from}_${to}`;
        table.pairs[`${from}>${to}`] = { from, to, file: path.join(out, `${name}.csv`) };
        writer.write(name, ["from", "to", ...columns.map((c) => c[0])], [cells[startAt], cells[endAt], ...kept.map((i) => cells[i])]);
    }
    writer.close();
    fs.writeFileSync(path.join(out, "schema.json"), JSON.stringify(schema, null, 1));
}

// ---------------------------------------------------------------------------------------------------

const quote = (name) => "`" + name.replaceAll("`", "``") + "`";

async function kuzuRun(connection, statement) {
    const result = await connection.query(statement);
    const rows = await result.getAll();
    return rows.map((row) => Object.values(row));
}

async function loadKuzu(kuzu, schema, dbFolder) {
    fs.rmSync(dbFolder, { recursive: true, force: true });
    const rssBefore = process.memoryUsage().rss / 1048576;
    const started = performance.now();
    const database = new kuzu.Database(dbFolder);
    const connection = new kuzu.Connection(database);
    for (const [kind, table] of Object.entries(schema.nodes)) {
        const columns = table.columns.map(([name, type], i) => `${quote(name)} ${type}${i === 0 ? " PRIMARY KEY" : ""}`);
        await kuzuRun(connection, `CREATE NODE TABLE ${quote(kind)}(${columns.join(", ")})`);
        await kuzuRun(connection, `COPY ${quote(kind)} FROM '${table.file}' (header=true)`);
    }
    for (const [type, table] of Object.entries(schema.relationships)) {
        const pairs = Object.values(table.pairs).map((p) => `FROM ${quote(p.from)} TO ${quote(p.to)}`);
        const columns = table.columns.map(([name, kind]) => `${quote(name)} ${kind}`);
        await kuzuRun(connection, `CREATE REL TABLE ${quote(type)}(${[...pairs, ...columns].join(", ")})`);
        for (const p of Object.values(table.pairs)) {
            await kuzuRun(connection, `COPY ${quote(type)} FROM '${p.file}' (header=true, from='${p.from}', to='${p.to}')`);
        }
    }
    const ms = performance.now() - started;
    return { database, connection, ms, rssBeforeMb: rssBefore, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function openKuzu(kuzu, dbFolder) {
    const database = new kuzu.Database(dbFolder);
    return { database, connection: new kuzu.Connection(database), ms: NaN, rssBeforeMb: NaN, peakRssMb: NaN };
}

// ---------------------------------------------------------------------------------------------------

class Ours {
    constructor(binary, graph) {
        this.child = spawn(binary, [graph], { stdio: ["pipe", "pipe", "inherit"] });
        this.replies = readline.createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
        this.child.on("exit", (code) => { if (code) console.error(`${binary} exited with ${code}`); });
    }
    async next() {
        const { value, done } = await this.replies.next();
        if (done) throw new Error("actorgraph_cypher_bench stopped");
        return JSON.parse(value);
    }
    async run(statement) {
        this.child.stdin.write(statement.replaceAll("\n", " ") + "\n");
        const reply = await this.next();
        if (reply.failure) throw new Error(`actorgraph: ${JSON.stringify(reply.failure)} for ${statement}`);
        return { ms: reply.ms, rows: reply.result.rows };
    }
    close() { this.child.stdin.end(); }
}

function queries(schema) {
    const kinds = Object.keys(schema.nodes);
    const kind = kinds.includes("company") ? "company" : kinds[0];
    const start = schema.sample_ids[10] ?? schema.sample_ids[0];
    const ids = schema.sample_ids;
    // A far actor for the shortest path: the last id written has the highest number.
    const end = schema.last_id ?? ids[ids.length - 1];
    return [
        {
            name: `reach: MATCH (a {id:'${start}'})-[*1..3]->(b) RETURN count(DISTINCT b)`,
            ours: `MATCH (a {id:'${start}'})-[*1..3]->(b) RETURN count(DISTINCT b) AS n`,
            kuzu: `MATCH (a {id:'${start}'})-[*1..3]->(b) RETURN count(DISTINCT b) AS n`,
        },
        {
            name: "filtered scan: investment with amount_usd > 1e8, count",
            ours: "MATCH ()-[r:investment]->() WHERE r.amount_usd > 1e8 RETURN count(*) AS n",
            kuzu: "MATCH ()-[r:investment]->() WHERE r.amount_usd > 1e8 RETURN count(*) AS n",
        },
        {
            name: "top 10 recipients by summed investment",
            ours: "MATCH ()-[r:investment]->(b) WHERE r.amount_usd IS NOT NULL " +
                  "RETURN b.id AS id, sum(r.amount_usd) AS total ORDER BY total DESC, id LIMIT 10",
            kuzu: "MATCH ()-[r:investment]->(b) WHERE r.amount_usd IS NOT NULL " +
                  "RETURN b.id AS id, sum(r.amount_usd) AS total ORDER BY total DESC, id LIMIT 10",
        },
        {
            name: `count of one kind: MATCH (a:${kind}) RETURN count(*)`,
            ours: `MATCH (a:${quote(kind)}) RETURN count(*) AS n`,
            kuzu: `MATCH (a:${quote(kind)}) RETURN count(*) AS n`,
        },
        {
            name: `shortest path, any direction, '${start}' to '${end}': its length`,
            ours: `MATCH p = shortestPath((a {id:'${start}'})-[*]-(b {id:'${end}'})) RETURN length(p) AS hops`,
            kuzu: `MATCH p = (a)-[* SHORTEST 1..30]-(b) WHERE a.id = '${start}' AND b.id = '${end}' RETURN length(p) AS hops`,
        },
    ];
}

// Write statements, run in this order once per round so the graph ends as it began (not part of the issue's
// goal: what a write costs on the 1M graph, ours against Kuzu's). Both sides run the same text.
function writeCycle(schema) {
    const kinds = Object.keys(schema.nodes);
    const kind = quote(kinds.includes("company") ? "company" : kinds[0]);
    const other = schema.sample_ids.find((id) => id.startsWith("c")) ?? schema.sample_ids[0];
    return [
        { name: "write: CREATE one actor", statement: `CREATE (n:${kind} {id: 'bench-write', name: 'written'})` },
        { name: "write: SET a property of it (found by id)",
          statement: `MATCH (n:${kind} {id: 'bench-write'}) SET n.name = 'renamed'` },
        { name: "write: CREATE a relation from it to an actor",
          statement: `MATCH (a:${kind} {id: 'bench-write'}), (b:${kind} {id: '${other}'}) ` +
                     "CREATE (a)-[:investment {amount_usd: 1.0}]->(b)" },
        { name: "write: DETACH DELETE it (and the relation)",
          statement: `MATCH (n:${kind} {id: 'bench-write'}) DETACH DELETE n` },
    ];
}

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const normalise = (rows) => JSON.stringify(rows.map((row) => row.map((v) => (typeof v === "bigint" ? Number(v) : v))));

async function compare(options) {
    const require = createRequire(import.meta.url);
    const kuzu = require(options.kuzu);
    const here = path.dirname(fileURLToPath(import.meta.url));
    const splitFolder = path.join(path.dirname(options.db), "kuzu-csv");
    const schemaFile = path.join(splitFolder, "schema.json");
    const reuse = options.reuseDb && fs.existsSync(options.db) && fs.existsSync(schemaFile) &&
                  JSON.parse(fs.readFileSync(schemaFile, "utf8")).csv_folder === path.resolve(options.csv);
    if (!reuse) {
        const converted = spawnSync(process.execPath, [path.join(here, "kuzu_compare.mjs"), "--split", options.csv, splitFolder],
                                    { stdio: "inherit" });
        if (converted.status !== 0) throw new Error("splitting the CSV for Kuzu failed");
    }
    const schema = JSON.parse(fs.readFileSync(path.join(splitFolder, "schema.json"), "utf8"));
    schema.last_id = lastId(options.csv);

    const log = options.json ? fs.openSync(options.json, "w") : null;
    const record = (object) => { if (log !== null) fs.writeSync(log, JSON.stringify(object) + "\n"); };
    record({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg(), memory_gb: os.totalmem() / 2 ** 30 } });

    console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
    const loaded = reuse ? openKuzu(kuzu, options.db) : await loadKuzu(kuzu, schema, options.db);
    if (reuse) console.log("Kuzu: reusing the database of the previous run (its load is not measured again)");
    if (!reuse) console.log(`Kuzu load: ${(loaded.ms / 1000).toFixed(2)} s, peak RSS ${loaded.peakRssMb.toFixed(0)} MB (node alone: ${loaded.rssBeforeMb.toFixed(0)} MB)`);
    const ours = new Ours(options.ours, path.join(options.csv, "nodes.csv"));
    const oursLoaded = (await ours.next()).loaded;
    console.log(`actorgraph load: ${(oursLoaded.ms / 1000).toFixed(2)} s, peak RSS ${oursLoaded.peak_rss_mb.toFixed(0)} MB`);
    record({ load: { kuzu_ms: loaded.ms, kuzu_peak_rss_mb: loaded.peakRssMb, kuzu_node_rss_before_mb: loaded.rssBeforeMb,
                     ours_ms: oursLoaded.ms, ours_peak_rss_mb: oursLoaded.peak_rss_mb } });

    const table = [];
    const kuzuFigure = (figure, text) => (reuse ? "(reused, not measured)" : text(figure));
    table.push(["load (wall)", `${(oursLoaded.ms / 1000).toFixed(2)} s`, kuzuFigure(loaded.ms, (ms) => `${(ms / 1000).toFixed(2)} s`),
                oursLoaded.ms / loaded.ms, "", ""]);
    table.push(["peak RSS after load", `${oursLoaded.peak_rss_mb.toFixed(0)} MB`, kuzuFigure(loaded.peakRssMb, (mb) => `${mb.toFixed(0)} MB`),
                oursLoaded.peak_rss_mb / loaded.peakRssMb, "", ""]);
    for (const query of queries(schema)) {
        const sides = {
            ours: async () => ours.run(query.ours),
            kuzu: async () => { const t = performance.now(); const rows = await kuzuRun(loaded.connection, query.kuzu); return { ms: performance.now() - t, rows }; },
        };
        const warm = { ours: await sides.ours(), kuzu: await sides.kuzu() };
        const times = { ours: [], kuzu: [] };
        let answers = { ours: warm.ours.rows, kuzu: warm.kuzu.rows };
        for (let round = 0; round < options.repetitions; ++round) {
            const order = round % 2 === 0 ? ["ours", "kuzu"] : ["kuzu", "ours"];
            for (const side of order) {
                const run = await sides[side]();
                times[side].push(run.ms);
                answers[side] = run.rows;
            }
        }
        const equal = normalise(answers.ours) === normalise(answers.kuzu);
        const ratio = median(times.ours) / median(times.kuzu);
        record({ query: query.name, ours_statement: query.ours, kuzu_statement: query.kuzu, ours_ms: times.ours,
                 kuzu_ms: times.kuzu, ours_median_ms: median(times.ours), kuzu_median_ms: median(times.kuzu), ratio, equal,
                 ours_answer: answers.ours, kuzu_answer: JSON.parse(normalise(answers.kuzu)) });
        console.log(`${query.name}: ours ${median(times.ours).toFixed(2)} ms, Kuzu ${median(times.kuzu).toFixed(2)} ms, ratio ${ratio.toFixed(3)}, answers ${equal ? "equal" : "DIFFER"}`);
        if (!equal) {
            console.log(`  actorgraph: ${normalise(answers.ours)}`);
            console.log(`  Kuzu:       ${normalise(answers.kuzu)}`);
        }
        table.push([query.name, `${median(times.ours).toFixed(2)} ms`, `${median(times.kuzu).toFixed(2)} ms`, ratio,
                    equal ? "yes" : "**no**", JSON.stringify(answers.ours).slice(0, 60)]);
    }
    const steps = writeCycle(schema);
    const writeTimes = steps.map(() => ({ ours: [], kuzu: [] }));
    const runOn = { ours: async (statement) => ours.run(statement),
                    kuzu: async (statement) => { const t = performance.now(); const rows = await kuzuRun(loaded.connection, statement); return { ms: performance.now() - t, rows }; } };
    // Kuzu's writes run in one transaction rolled back at the end: a committed delete stays in its tables and
    // slowed its top 10 in later --reuse-db runs (210 -> 570 ms); ours change only the child's copy in memory.
    await kuzuRun(loaded.connection, "BEGIN TRANSACTION");
    for (let round = 0; round <= options.repetitions; ++round) {  // round 0 warms up, not recorded
        const order = round % 2 === 0 ? ["ours", "kuzu"] : ["kuzu", "ours"];
        for (const side of order) {
            for (const [i, step] of steps.entries()) {
                const run = await runOn[side](step.statement);
                if (round > 0) writeTimes[i][side].push(run.ms);
            }
        }
    }
    await kuzuRun(loaded.connection, "ROLLBACK");
    for (const [i, step] of steps.entries()) {
        const times = writeTimes[i];
        const ratio = median(times.ours) / median(times.kuzu);
        record({ write: step.name, statement: step.statement, ours_ms: times.ours, kuzu_ms: times.kuzu,
                 ours_median_ms: median(times.ours), kuzu_median_ms: median(times.kuzu), ratio });
        console.log(`${step.name}: ours ${median(times.ours).toFixed(2)} ms, Kuzu ${median(times.kuzu).toFixed(2)} ms, ratio ${ratio.toFixed(3)}`);
        table.push([step.name, `${median(times.ours).toFixed(2)} ms`, `${median(times.kuzu).toFixed(2)} ms`, ratio, "", ""]);
    }
    ours.close();
    console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
    console.log("\n| query | actorgraph (median) | Kuzu 0.11.3 (median) | ours / Kuzu | goal ≤ 0.5 | equal answers | answer |");
    console.log("|---|---|---|---|---|---|---|");
    for (const [name, a, b, ratio, equal, answer] of table) {
        const goal = name.startsWith("peak") ? "(memory)" : name.startsWith("write") ? "(no goal)"
                     : Number.isNaN(ratio) ? "" : ratio <= 0.5 ? "met" : "**not met**";
        console.log(`| ${name} | ${a} | ${b} | ${ratio.toFixed(3)} | ${goal} | ${equal} | ${answer.replaceAll("|", "\\|")} |`);
    }
    if (log !== null) fs.closeSync(log);
}

// The id on the last line of nodes.csv (read from the file's end, it is large).
function lastId(folder) {
    const file = path.join(folder, "nodes.csv");
    const size = fs.statSync(file).size;
    const length = Math.min(size, 65536);
    const buffer = Buffer.alloc(length);
    const fd = fs.openSync(file, "r");
    fs.readSync(fd, buffer, 0, length, size - length);
    fs.closeSync(fd);
    const rows = buffer.toString("utf8").trimEnd().split("\n");
    return parseCsvLine(rows[rows.length - 1])[0];
}

const options = parseArguments(process.argv.slice(2));
if (options.split) {
    await split(...options.split);
} else {
    for (const required of ["csv", "ours", "kuzu"]) {
        if (!options[required]) throw new Error(`--${required} is required`);
    }
    options.db ??= path.join(path.dirname(options.ours), "..", "kuzu-bench", "db");
    await compare(options);
}
