-- Each service owns its database (docs/architecture.md §7). Run once, by the postgres image, on an
-- empty volume; the role and its password come from POSTGRES_USER / POSTGRES_PASSWORD_FILE.
CREATE DATABASE registry;
CREATE DATABASE payout;
CREATE DATABASE complaint;
CREATE DATABASE gateway;
