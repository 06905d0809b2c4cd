DROP INDEX "access_points_serial_uq";--> statement-breakpoint
DROP INDEX "access_points_mac_uq";--> statement-breakpoint
DROP INDEX "access_points_bus_idx";--> statement-breakpoint
DROP INDEX "sites_program_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "access_points_serial_uq" ON "access_points" USING btree ("serial") WHERE "access_points"."serial" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "access_points_mac_uq" ON "access_points" USING btree ("mac") WHERE "access_points"."mac" is not null;--> statement-breakpoint
CREATE INDEX "access_points_bus_idx" ON "access_points" USING btree ("bus_id") WHERE "access_points"."bus_id" is not null;--> statement-breakpoint
CREATE INDEX "sites_program_idx" ON "sites" USING btree ("program_id") WHERE "sites"."program_id" is not null;