; function %id(i64) -> i64 {
; block0(v0: i64):
;     return v0
; }
%id:
   0: push rbp
   1: mov rbp,rsp
   4: push r15
   6: sub rsp,0x8
   a: mov QWORD PTR [rbp-0x10],rdi
   e: mov rdi,QWORD PTR [rip+0x64b] # 0x660
  15: call QWORD PTR [rip+0x64d] # 0x668
  1b: xor r15d,r15d
  1e: test rax,rax
  21: je 0x2b
  27: mov r15,QWORD PTR [rax+0x10]
  2b: mov rdi,QWORD PTR [rbp-0x10]
  2f: call 0x3d
  34: mov r15,QWORD PTR [rbp-0x8]
  38: mov rsp,rbp
  3b: pop rbp
  3c: ret
  3d: push rbp
  3e: mov rbp,rsp
  41: cmp rsp,r15
  44: jb 0x52
  4a: mov rax,rdi
  4d: mov rsp,rbp
  50: pop rbp
  51: ret
  52: mov eax,0x7
  57: jmp 0x614

; function %pressure(i64) -> i64 {
; block0(v0: i64):
;     v1 = imul_imm v0, 1
;     v2 = imul_imm v0, 2
;     v3 = imul_imm v0, 3
;     v4 = imul_imm v0, 4
;     v5 = imul_imm v0, 5
;     v6 = imul_imm v0, 6
;     v7 = imul_imm v0, 7
;     v8 = imul_imm v0, 8
;     v9 = imul_imm v0, 9
;     v10 = imul_imm v0, 10
;     v11 = imul_imm v0, 11
;     v12 = imul_imm v0, 12
;     v13 = imul_imm v0, 13
;     v14 = imul_imm v0, 14
;     v15 = imul_imm v0, 15
;     v16 = imul_imm v0, 16
;     v17 = call %id(v1)
;     v18 = call %id(v2)
;     v19 = call %id(v3)
;     v20 = call %id(v4)
;     v21 = call %id(v5)
;     v22 = call %id(v6)
;     v23 = call %id(v7)
;     v24 = call %id(v8)
;     v25 = call %id(v9)
;     v26 = call %id(v10)
;     v27 = call %id(v11)
;     v28 = call %id(v12)
;     v29 = call %id(v13)
;     v30 = call %id(v14)
;     v31 = call %id(v15)
;     v32 = call %id(v16)
;     v33 = iadd v17, v18
;     v34 = iadd v33, v19
;     v35 = iadd v34, v20
;     v36 = iadd v35, v21
;     v37 = iadd v36, v22
;     v38 = iadd v37, v23
;     v39 = iadd v38, v24
;     v40 = iadd v39, v25
;     v41 = iadd v40, v26
;     v42 = iadd v41, v27
;     v43 = iadd v42, v28
;     v44 = iadd v43, v29
;     v45 = iadd v44, v30
;     v46 = iadd v45, v31
;     v47 = iadd v46, v32
;     return v47
; }
%pressure:
  60: push rbp
  61: mov rbp,rsp
  64: push r15
  66: sub rsp,0x8
  6a: mov QWORD PTR [rbp-0x10],rdi
  6e: mov rdi,QWORD PTR [rip+0x5eb] # 0x660
  75: call QWORD PTR [rip+0x5ed] # 0x668
  7b: xor r15d,r15d
  7e: test rax,rax
  81: je 0x8b
  87: mov r15,QWORD PTR [rax+0x10]
  8b: mov rdi,QWORD PTR [rbp-0x10]
  8f: call 0x9d
  94: mov r15,QWORD PTR [rbp-0x8]
  98: mov rsp,rbp
  9b: pop rbp
  9c: ret
  9d: push rbp
  9e: mov rbp,rsp
  a1: lea r11,[rsp-0x80]
  a6: cmp r11,r15
  a9: jb 0x27a
  af: sub rsp,0x80
  b6: mov QWORD PTR [rbp-0x8],rbx
  ba: mov QWORD PTR [rbp-0x10],r12
  be: mov QWORD PTR [rbp-0x18],r13
  c2: mov QWORD PTR [rbp-0x20],r14
  c6: imul rax,rdi,0x1
  ca: imul rbx,rdi,0x2
  ce: imul r12,rdi,0x3
  d2: imul r13,rdi,0x4
  d6: imul r14,rdi,0x5
  da: imul rcx,rdi,0x6
  de: imul rdx,rdi,0x7
  e2: imul rsi,rdi,0x8
  e6: imul r8,rdi,0x9
  ea: imul r9,rdi,0xa
  ee: imul r10,rdi,0xb
  f2: mov QWORD PTR [rbp-0x28],rbx
  f6: imul rbx,rdi,0xc
  fa: mov QWORD PTR [rbp-0x30],rbx
  fe: imul rbx,rdi,0xd
 102: mov QWORD PTR [rbp-0x38],rbx
 106: imul rbx,rdi,0xe
 10a: mov QWORD PTR [rbp-0x40],rbx
 10e: imul rbx,rdi,0xf
 112: imul rdi,rdi,0x10
 116: mov QWORD PTR [rbp-0x48],rbx
 11a: mov QWORD PTR [rbp-0x50],r10
 11e: mov QWORD PTR [rbp-0x58],r9
 122: mov QWORD PTR [rbp-0x60],r8
 126: mov QWORD PTR [rbp-0x68],rsi
 12a: mov QWORD PTR [rbp-0x70],rdx
 12e: mov QWORD PTR [rbp-0x78],rcx
 132: mov rbx,rdi
 135: mov rdi,rax
 138: call 0x3d
 13d: mov rdi,QWORD PTR [rbp-0x28]
 141: mov QWORD PTR [rbp-0x28],rbx
 145: mov rbx,rax
 148: call 0x3d
 14d: mov rdi,r12
 150: mov r12,rax
 153: call 0x3d
 158: mov rdi,r13
 15b: mov r13,rax
 15e: call 0x3d
 163: mov rdi,r14
 166: mov r14,rax
 169: call 0x3d
 16e: mov rdi,QWORD PTR [rbp-0x78]
 172: mov QWORD PTR [rbp-0x78],rax
 176: call 0x3d
 17b: mov rdi,QWORD PTR [rbp-0x70]
 17f: mov QWORD PTR [rbp-0x70],rax
 183: call 0x3d
 188: mov rdi,QWORD PTR [rbp-0x68]
 18c: mov QWORD PTR [rbp-0x68],rax
 190: call 0x3d
 195: mov rdi,QWORD PTR [rbp-0x60]
 199: mov QWORD PTR [rbp-0x60],rax
 19d: call 0x3d
 1a2: mov rdi,QWORD PTR [rbp-0x58]
 1a6: mov QWORD PTR [rbp-0x58],rax
 1aa: call 0x3d
 1af: mov rdi,QWORD PTR [rbp-0x50]
 1b3: mov QWORD PTR [rbp-0x50],rax
 1b7: call 0x3d
 1bc: mov rdi,QWORD PTR [rbp-0x30]
 1c0: mov QWORD PTR [rbp-0x30],rax
 1c4: call 0x3d
 1c9: mov rdi,QWORD PTR [rbp-0x38]
 1cd: mov QWORD PTR [rbp-0x38],rax
 1d1: call 0x3d
 1d6: mov rdi,QWORD PTR [rbp-0x40]
 1da: mov QWORD PTR [rbp-0x40],rax
 1de: call 0x3d
 1e3: mov rdi,QWORD PTR [rbp-0x48]
 1e7: mov QWORD PTR [rbp-0x48],rax
 1eb: call 0x3d
 1f0: mov rdi,QWORD PTR [rbp-0x28]
 1f4: mov QWORD PTR [rbp-0x28],rax
 1f8: call 0x3d
 1fd: lea rcx,[rbx+r12*1]
 201: lea rcx,[rcx+r13*1]
 205: lea rcx,[rcx+r14*1]
 209: mov rdx,QWORD PTR [rbp-0x78]
 20d: lea rcx,[rcx+rdx*1]
 211: mov rdx,QWORD PTR [rbp-0x70]
 215: lea rcx,[rcx+rdx*1]
 219: mov rdx,QWORD PTR [rbp-0x68]
 21d: lea rcx,[rcx+rdx*1]
 221: mov rdx,QWORD PTR [rbp-0x60]
 225: lea rcx,[rcx+rdx*1]
 229: mov rdx,QWORD PTR [rbp-0x58]
 22d: lea rcx,[rcx+rdx*1]
 231: mov rdx,QWORD PTR [rbp-0x50]
 235: lea rcx,[rcx+rdx*1]
 239: mov rdx,QWORD PTR [rbp-0x30]
 23d: lea rcx,[rcx+rdx*1]
 241: mov rdx,QWORD PTR [rbp-0x38]
 245: lea rcx,[rcx+rdx*1]
 249: mov rdx,QWORD PTR [rbp-0x40]
 24d: lea rcx,[rcx+rdx*1]
 251: mov rdx,QWORD PTR [rbp-0x48]
 255: lea rcx,[rcx+rdx*1]
 259: mov rdx,QWORD PTR [rbp-0x28]
 25d: lea rcx,[rcx+rdx*1]
 261: lea rax,[rcx+rax*1]
 265: mov rbx,QWORD PTR [rbp-0x8]
 269: mov r12,QWORD PTR [rbp-0x10]
 26d: mov r13,QWORD PTR [rbp-0x18]
 271: mov r14,QWORD PTR [rbp-0x20]
 275: mov rsp,rbp
 278: pop rbp
 279: ret
 27a: mov eax,0x7
 27f: jmp 0x614

; function %fmany(f64, f64, f64, f64, f64, f64, f64, f64, f64, f64) -> f64 {
; block0(v0: f64, v1: f64, v2: f64, v3: f64, v4: f64, v5: f64, v6: f64, v7: f64, v8: f64, v9: f64):
;     v10 = f64const 2.0
;     v11 = fmul v1, v10
;     v12 = fadd v0, v11
;     v13 = f64const 3.0
;     v14 = fmul v2, v13
;     v15 = fadd v12, v14
;     v16 = f64const 4.0
;     v17 = fmul v3, v16
;     v18 = fadd v15, v17
;     v19 = f64const 5.0
;     v20 = fmul v4, v19
;     v21 = fadd v18, v20
;     v22 = f64const 6.0
;     v23 = fmul v5, v22
;     v24 = fadd v21, v23
;     v25 = f64const 7.0
;     v26 = fmul v6, v25
;     v27 = fadd v24, v26
;     v28 = f64const 8.0
;     v29 = fmul v7, v28
;     v30 = fadd v27, v29
;     v31 = f64const 9.0
;     v32 = fmul v8, v31
;     v33 = fadd v30, v32
;     v34 = f64const 10.0
;     v35 = fmul v9, v34
;     v36 = fadd v33, v35
;     return v36
; }
%fmany:
 290: push rbp
 291: mov rbp,rsp
 294: push r15
 296: sub rsp,0x58
 29a: movsd QWORD PTR [rbp-0x10],xmm0
 29f: movsd QWORD PTR [rbp-0x18],xmm1
 2a4: movsd QWORD PTR [rbp-0x20],xmm2
 2a9: movsd QWORD PTR [rbp-0x28],xmm3
 2ae: movsd QWORD PTR [rbp-0x30],xmm4
 2b3: movsd QWORD PTR [rbp-0x38],xmm5
 2b8: movsd QWORD PTR [rbp-0x40],xmm6
 2bd: movsd QWORD PTR [rbp-0x48],xmm7
 2c2: mov rdi,QWORD PTR [rip+0x397] # 0x660
 2c9: call QWORD PTR [rip+0x399] # 0x668
 2cf: xor r15d,r15d
 2d2: test rax,rax
 2d5: je 0x2df
 2db: mov r15,QWORD PTR [rax+0x10]
 2df: movsd xmm0,QWORD PTR [rbp-0x10]
 2e4: movsd xmm1,QWORD PTR [rbp-0x18]
 2e9: movsd xmm2,QWORD PTR [rbp-0x20]
 2ee: movsd xmm3,QWORD PTR [rbp-0x28]
 2f3: movsd xmm4,QWORD PTR [rbp-0x30]
 2f8: movsd xmm5,QWORD PTR [rbp-0x38]
 2fd: movsd xmm6,QWORD PTR [rbp-0x40]
 302: movsd xmm7,QWORD PTR [rbp-0x48]
 307: mov r11,QWORD PTR [rbp+0x10]
 30b: mov QWORD PTR [rsp],r11
 30f: mov r11,QWORD PTR [rbp+0x18]
 313: mov QWORD PTR [rsp+0x8],r11
 318: call 0x326
 31d: mov r15,QWORD PTR [rbp-0x8]
 321: mov rsp,rbp
 324: pop rbp
 325: ret
 326: push rbp
 327: mov rbp,rsp
 32a: cmp rsp,r15
 32d: jb 0x3da
 333: movsd xmm9,QWORD PTR [rbp+0x10]
 339: movsd xmm8,QWORD PTR [rbp+0x18]
 33f: movsd xmm10,QWORD PTR [rip+0x328] # 0x670
 348: mulsd xmm1,xmm10
 34d: addsd xmm0,xmm1
 351: movsd xmm1,QWORD PTR [rip+0x31f] # 0x678
 359: mulsd xmm2,xmm1
 35d: addsd xmm0,xmm2
 361: movsd xmm1,QWORD PTR [rip+0x317] # 0x680
 369: mulsd xmm3,xmm1
 36d: addsd xmm0,xmm3
 371: movsd xmm1,QWORD PTR [rip+0x30f] # 0x688
 379: mulsd xmm4,xmm1
 37d: addsd xmm0,xmm4
 381: movsd xmm1,QWORD PTR [rip+0x307] # 0x690
 389: mulsd xmm5,xmm1
 38d: addsd xmm0,xmm5
 391: movsd xmm1,QWORD PTR [rip+0x2ff] # 0x698
 399: mulsd xmm6,xmm1
 39d: addsd xmm0,xmm6
 3a1: movsd xmm1,QWORD PTR [rip+0x2f7] # 0x6a0
 3a9: mulsd xmm7,xmm1
 3ad: addsd xmm0,xmm7
 3b1: movsd xmm1,QWORD PTR [rip+0x2ef] # 0x6a8
 3b9: mulsd xmm9,xmm1
 3be: addsd xmm0,xmm9
 3c3: movsd xmm1,QWORD PTR [rip+0x2e5] # 0x6b0
 3cb: mulsd xmm8,xmm1
 3d0: addsd xmm0,xmm8
 3d5: mov rsp,rbp
 3d8: pop rbp
 3d9: ret
 3da: mov eax,0x7
 3df: jmp 0x614

; function %fcaller(f64) -> f64 {
; block0(v0: f64):
;     v1 = f64const 2.0
;     v2 = call %fmany(v0, v0, v0, v0, v0, v0, v0, v0, v1, v0)
;     v3 = fadd v2, v0
;     return v3
; }
%fcaller:
 3f0: push rbp
 3f1: mov rbp,rsp
 3f4: push r15
 3f6: sub rsp,0x8
 3fa: movsd QWORD PTR [rbp-0x10],xmm0
 3ff: mov rdi,QWORD PTR [rip+0x25a] # 0x660
 406: call QWORD PTR [rip+0x25c] # 0x668
 40c: xor r15d,r15d
 40f: test rax,rax
 412: je 0x41c
 418: mov r15,QWORD PTR [rax+0x10]
 41c: movsd xmm0,QWORD PTR [rbp-0x10]
 421: call 0x42f
 426: mov r15,QWORD PTR [rbp-0x8]
 42a: mov rsp,rbp
 42d: pop rbp
 42e: ret
 42f: push rbp
 430: mov rbp,rsp
 433: lea r11,[rsp-0x20]
 438: cmp r11,r15
 43b: jb 0x49c
 441: sub rsp,0x20
 445: movaps xmm8,xmm0
 449: movsd xmm9,QWORD PTR [rip+0x21e] # 0x670
 452: movaps xmm1,xmm8
 456: movaps xmm2,xmm8
 45a: movaps xmm3,xmm8
 45e: movaps xmm4,xmm8
 462: movaps xmm5,xmm8
 466: movaps xmm6,xmm8
 46a: movaps xmm7,xmm8
 46e: movaps xmm10,xmm8
 472: movaps xmm0,xmm8
 476: movsd QWORD PTR [rbp-0x8],xmm8
 47c: movsd QWORD PTR [rsp],xmm9
 482: movsd QWORD PTR [rsp+0x8],xmm10
 489: call 0x326
 48e: movsd xmm1,QWORD PTR [rbp-0x8]
 493: addsd xmm0,xmm1
 497: mov rsp,rbp
 49a: pop rbp
 49b: ret
 49c: mov eax,0x7
 4a1: jmp 0x614

