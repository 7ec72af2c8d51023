CREATE TABLE "calendar_days" (
	"date" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_date" CHECK ("calendar_days"."date" ~ '^\d{4}-\d{2}-\d{2}$'),
	CONSTRAINT "calendar_days_kind" CHECK ("calendar_days"."kind" IN ('holiday', 'workday')),
	CONSTRAINT "calendar_days_source" CHECK ("calendar_days"."source" IN ('chinese-days', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "case_number_counters" (
	"day" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"query_password_hash" text NOT NULL,
	"matter_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"citizen_id" uuid,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text,
	"applicant_phone" text NOT NULL,
	"status" text NOT NULL,
	"accepted_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"deadline_unpublished" boolean DEFAULT false NOT NULL,
	"delivery_mode" text NOT NULL,
	"delivery_address" text,
	"courier" text,
	"tracking_number" text,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_number_unique" UNIQUE("number"),
	CONSTRAINT "cases_number" CHECK (char_length("cases"."number") <= 50),
	CONSTRAINT "cases_delivery_mode" CHECK ("cases"."delivery_mode" IN ('hall', 'mail', 'electronic'))
);
--> statement-breakpoint
CREATE TABLE "case_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"outcome" text NOT NULL,
	"actor_kind" text NOT NULL,
	"staff_id" uuid,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "case_steps_outcome" CHECK ("case_steps"."outcome" IN ('pass', 'return', 'other')),
	CONSTRAINT "case_steps_actor" CHECK ("case_steps"."actor_kind" IN ('citizen', 'staff', 'system'))
);
--> statement-breakpoint
CREATE TABLE "case_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from" timestamp with time zone NOT NULL,
	"to" timestamp with time zone,
	CONSTRAINT "case_pauses_kind" CHECK ("case_pauses"."kind" IN ('correction', 'special'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"case_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lookup_client_counts" (
	"client_key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "lookup_client_counts_client_key_window_start_pk" PRIMARY KEY("client_key","window_start")
);
--> statement-breakpoint
CREATE TABLE "lookup_guards" (
	"number_key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_pauses" ADD CONSTRAINT "case_pauses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_queue" ON "cases" USING btree ("department_id","status","due_at");--> statement-breakpoint
CREATE INDEX "cases_citizen" ON "cases" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_unlinked_phone" ON "cases" USING btree ("applicant_phone") WHERE "cases"."citizen_id" IS NULL;--> statement-breakpoint
CREATE INDEX "case_steps_case" ON "case_steps" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_pauses_case" ON "case_pauses" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "notifications_citizen" ON "notifications" USING btree ("citizen_id","created_at");