/**
 * DuckDB (through @duckdb/node-api, loaded only by the commands that need
 * it): tidy tables in, Parquet files and SQL results out. Parquet because a
 * statistician opens it directly in R (arrow), Python (pandas, polars) and
 * Stata 18; DuckDB because it writes Parquet with the column types of the
 * data dictionary and lets `doichieu sql` query the corpus.
 */
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TidyTable } from '@doichieu/report';
import { UserError } from './errors.ts';

type Duck = typeof import('@duckdb/node-api');
type Connection = Awaited<ReturnType<Awaited<ReturnType<Duck['DuckDBInstance']['create']>>['connect']>>;

async function loadDuckDB(): Promise<Duck> {
  try {
    return await import('@duckdb/node-api');
  } catch (e) {
    throw new UserError(
      `DuckDB is not available (${(e as Error).message.split('\n')[0]}); Parquet and sql need it`,
    );
  }
}

function sqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Opens an in-memory database, runs `work`, closes it. */
export async function withDuckDB<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
  const duck = await loadDuckDB();
  const instance = await duck.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Creates `table` (its name with "-" as "_") with the dictionary's column types and appends its rows. */
export async function loadTable(connection: Connection, table: TidyTable): Promise<string> {
  const name = table.name.replace(/-/g, '_');
  await connection.run(
    `CREATE TABLE ${sqlName(name)} (${table.columns.map((c) => `${sqlName(c.name)} ${c.type}`).join(', ')})`,
  );
  const appender = await connection.createAppender(name);
  for (const row of table.rows) {
    for (const [i, column] of table.columns.entries()) {
      const value = row[i];
      if (value === null || value === undefined || value === '') appender.appendNull();
      else if (column.type === 'INTEGER') appender.appendInteger(Number(value));
      else if (column.type === 'DOUBLE') appender.appendDouble(Number(value));
      else if (column.type === 'BOOLEAN') appender.appendBoolean(value === true || value === 'yes');
      else appender.appendVarchar(String(value));
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  return name;
}

/** Writes each table as a Parquet file in `dir` (atomically: a temporary name, then rename). */
export async function writeParquet(tables: readonly TidyTable[], dir: string): Promise<string[]> {
  return withDuckDB(async (connection) => {
    const written: string[] = [];
    for (const table of tables) {
      const name = await loadTable(connection, table);
      const path = join(dir, `${table.name}.parquet`);
      const temp = join(dirname(path), `.${table.name}.${process.pid}.parquet.tmp`);
      try {
        await connection.run(`COPY ${sqlName(name)} TO '${temp.replace(/'/g, "''")}' (FORMAT parquet)`);
        renameSync(temp, path);
      } catch (e) {
        rmSync(temp, { force: true });
        throw new UserError(`cannot write ${path}: ${(e as Error).message.split('\n')[0]}`);
      }
      written.push(path);
    }
    return written;
  });
}

/** Runs one SQL query over the tables; returns column names and rows as strings. */
export async function query(
  tables: readonly TidyTable[],
  sql: string,
): Promise<{ columns: string[]; rows: string[][] }> {
  return withDuckDB(async (connection) => {
    for (const t of tables) await loadTable(connection, t);
    let reader: Awaited<ReturnType<Connection['runAndReadAll']>>;
    try {
      reader = await connection.runAndReadAll(sql);
    } catch (e) {
      throw new UserError(`sql: ${(e as Error).message.split('\n')[0]}`);
    }
    const columns = reader.columnNames();
    const rows = reader
      .getRows()
      .map((r) => r.map((v) => (v === null ? '' : typeof v === 'object' ? String(v) : String(v))));
    return { columns, rows };
  });
}
