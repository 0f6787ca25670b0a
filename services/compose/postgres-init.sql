-- Each service owns its database (docs/architecture.md §7).
CREATE DATABASE registry;
CREATE DATABASE payout;
CREATE DATABASE gateway;
